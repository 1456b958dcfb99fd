package org.medhub.routes.mapping.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medhub.routes.mapping.MappedRecord;
import org.medhub.routes.mapping.MappingEngine;
import org.medhub.routes.mapping.MappingException;
import org.medhub.routes.mapping.MappingSpec;
import org.medhub.routes.mapping.MappingSpecReader;
import org.medhub.routes.mapping.MappingViolation;

/**
 * The Courbon B2MML V0401 exports published with B2MML, each through the sample MES mapping for its message
 * ({@code config/mappings/mes-b2mml-*.yml}).
 */
class B2mmlConformanceTest {

    private static final String COURBON = "MESA-B2MML-BatchML/Examples/Courbon B2MML v0401 Example XML Files";
    private static final Map<String, String> MAPPING_BY_ROOT = Map.of(
            "SyncMaterialDefinition", "mes-b2mml-material",
            "SyncMaterialInformation", "mes-b2mml-material-lot",
            "SyncProductionPerformance", "mes-b2mml-production-performance",
            "SyncProductionSchedule", "mes-b2mml-production-schedule");

    private final MappingEngine engine = new MappingEngine(ConformanceLookups.products());

    private List<MappedRecord> map(String file) throws Exception {
        Path path = SharedFixtures.requireFolder(COURBON).resolve(file);
        String text = Files.readString(path);
        String root = MAPPING_BY_ROOT.keySet().stream().filter(r -> text.contains("<" + r + " ")).findFirst().orElseThrow();
        MappingSpec spec = new MappingSpecReader().readOrThrow(Path.of("../config/mappings", MAPPING_BY_ROOT.get(root) + ".yml"));
        return engine.map(spec, Files.readAllBytes(path));
    }

    @Test
    void mapsTheMaterialDefinition() throws Exception {
        assertThat(map("MAT-20121210170256-CRBN0001.xml")).singleElement().satisfies(r -> {
            assertThat(r.entity()).isEqualTo("Material");
            assertThat(r.canonical().toString()).isEqualTo("{\"materialNumber\":\"CRBN0001\",\"name\":\"Product Courbon0001\","
                    + "\"baseUnit\":\"kg\",\"materialType\":\"RAW_MATERIAL\",\"batchManaged\":true,\"status\":\"ACTIVE\"}");
        });
    }

    @Test
    void mapsALotWithItsExpiryDateProperty() throws Exception {
        assertThat(map("LOT-20121210170718-0001L0001.xml")).singleElement().satisfies(r -> assertThat(r.canonical().toString())
                .isEqualTo("{\"material\":\"CRBN0001\",\"lot\":\"CRBN0001_LOT01\",\"status\":\"RELEASED\",\"expiryDate\":\"2013-12-08\","
                        + "\"plant\":\"SZ01\"}"));
    }

    @Test
    void mapsASubLotInventoryUpdateAsTheSubLotItself() throws Exception {
        assertThat(map("INV-20121210175555-0001L0001_01.xml")).singleElement().satisfies(r -> assertThat(r.canonical().toString())
                .isEqualTo("{\"material\":\"CRBN0001\",\"lot\":\"CRBN0001_LOT01_01\",\"status\":\"QUARANTINE\","
                        + "\"quantity\":{\"value\":24.910,\"unit\":\"kg\"},\"plant\":\"SZ01\"}"));
    }

    @Test
    void mapsAConsumptionIntoTheLotOfItsWorkOrder() throws Exception {
        assertThat(map("PES-20121229115825-53107.xml")).singleElement().satisfies(r -> {
            assertThat(r.entity()).isEqualTo("MaterialConsumption");
            assertThat(r.canonical().toString()).isEqualTo("{\"eventId\":\"53107/Weighing/1\",\"eventType\":\"CONSUMPTION\","
                    + "\"outputBatch\":\"01/09506000134352/10/WO53107\",\"inputMaterial\":\"CRBN0001\",\"inputMaterialLot\":"
                    + "\"CRBN0001/CRBN0001_LOT01\",\"quantity\":{\"value\":0.41,\"unit\":\"kg\"},\"consumedAt\":"
                    + "\"2012-11-29T11:58:25.3149559+01:00\"}");
            assertThat(r.lineageText().get("outputBatch")).contains("lookup WorkOrder.orderNumber → product");
        });
    }

    /**
     * The published schedule cannot be a canonical WorkOrder, and is refused saying why: it has no due date, and
     * it plans kilograms of a bulk product where a device maker's work order counts units.
     */
    @Test
    void refusesTheScheduleForWantOfADueDateAndACountedQuantity() {
        SharedFixtures.requireFolder(COURBON);
        MappingException refusal = catchThrowableOfType(MappingException.class, () -> map("PRO-20121210181416-27942.xml"));

        assertThat(refusal.violations()).extracting(MappingViolation::field, MappingViolation::rule)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("plannedQuantity.unit", "dimension"),
                        org.assertj.core.groups.Tuple.tuple("dueDate", "required"));
        assertThat(refusal.violations()).allSatisfy(v -> assertThat(v.location().line()).isPositive());
    }
}

package org.medhub.routes.mapping;

import java.util.Arrays;
import java.util.Optional;

/** The formats a mapping can read, by the name they have in a mapping file. */
public enum SourceFormat {
    /** Any JSON document; paths are JSONPath. */
    JSON("json", PathLanguage.JSONPATH),
    /** Any XML document with the namespaces the mapping declares; paths are XPath 1.0. */
    XML("xml", PathLanguage.XPATH),
    /** Delimited text with a header row; a path is a column name. Every data row is one source record. */
    CSV("csv", PathLanguage.COLUMN),
    /** GS1 EPCIS 2.0 capture documents, JSON-LD or XML; both are read into the JSON-LD form, paths are JSONPath. */
    EPCIS("epcis", PathLanguage.JSONPATH),
    /** ISA-95 B2MML V0401 to V0700; every B2MML namespace version is read as prefix {@code b2mml}. Paths are XPath. */
    B2MML("b2mml", PathLanguage.XPATH),
    /** SAP IDoc XML (MATMAS, BATMAS, DELVRY…): an IDOC element with its EDI_DC40 control record. Paths are XPath. */
    IDOC("idoc", PathLanguage.XPATH),
    /** UN/EDIFACT interchanges, read by StAEDI into a tree of segments and elements. Paths are XPath. */
    EDIFACT("edifact", PathLanguage.XPATH),
    /** ASC X12 interchanges, read by StAEDI into a tree of segments and elements. Paths are XPath. */
    X12("x12", PathLanguage.XPATH);

    /** How paths are written for a format. */
    public enum PathLanguage {
        JSONPATH,
        XPATH,
        COLUMN
    }

    private final String yamlName;
    private final PathLanguage paths;

    SourceFormat(String yamlName, PathLanguage paths) {
        this.yamlName = yamlName;
        this.paths = paths;
    }

    public String yamlName() {
        return yamlName;
    }

    public PathLanguage paths() {
        return paths;
    }

    public static Optional<SourceFormat> of(String yamlName) {
        return Arrays.stream(values()).filter(f -> f.yamlName.equals(yamlName)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(SourceFormat::yamlName).toList().toString();
    }
}

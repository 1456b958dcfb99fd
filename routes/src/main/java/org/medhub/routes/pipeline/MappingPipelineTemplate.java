package org.medhub.routes.pipeline;

import org.apache.camel.builder.RouteBuilder;

/**
 * One route shape for every sending partner: read its raw topic a batch at a time, map, validate,
 * admit once, publish to the canonical topics, commit. Instantiated once per partner that sends.
 */
public class MappingPipelineTemplate extends RouteBuilder {

    public static final String TEMPLATE = "mapping-pipeline";
    public static final String PARTNER = "partner";

    private final RawBatchProcessor batches;
    private final BatchConsumers consumers;

    public MappingPipelineTemplate(RawBatchProcessor batches, BatchConsumers consumers) {
        this.batches = batches;
        this.consumers = consumers;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter(PARTNER, null, "id of the sending partner")
                .from(consumers.uri("medhub.raw.{{" + PARTNER + "}}", "medhub.mapping.{{" + PARTNER + "}}"))
                .process(batches);
    }

    public static String routeId(String partner) {
        return "map-" + partner;
    }
}

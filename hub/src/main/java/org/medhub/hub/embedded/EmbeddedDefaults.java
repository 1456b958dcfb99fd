package org.medhub.hub.embedded;

import java.nio.file.Path;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With no Kafka and no database configured, starts a real broker and a real PostgreSQL under the
 * data directory before the application context is built, and points the application at them.
 * With {@code spring.kafka.bootstrap-servers} or {@code spring.datasource.url} set (or their
 * environment variables), the corresponding engine is not started.
 */
public class EmbeddedDefaults implements EnvironmentPostProcessor, Ordered {

    public static final String DATA_DIR = "medhub.data-dir";

    private final DeferredLogFactory logs;

    public EmbeddedDefaults(DeferredLogFactory logs) {
        this.logs = logs;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("medhub.embedded.enabled", Boolean.class, true)) {
            return;
        }
        boolean startKafka = !environment.containsProperty("spring.kafka.bootstrap-servers");
        boolean startPostgresql = !environment.containsProperty("spring.datasource.url");
        if (!startKafka && !startPostgresql) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty(DATA_DIR, "data")).toAbsolutePath().normalize();
        EmbeddedEngines engines = new EmbeddedEngines(logs.getLog(EmbeddedEngines.class));
        try {
            if (startPostgresql) {
                engines.startPostgresql(dataDir);
            }
            if (startKafka) {
                engines.startKafka(dataDir);
            }
        } catch (RuntimeException e) {
            engines.close();
            throw e;
        }
        environment.getPropertySources().addLast(new MapPropertySource("medhubEmbeddedEngines", engines.properties()));
        application.addInitializers((ConfigurableApplicationContext context) -> register(context, engines));
    }

    /**
     * Registered first, the engines are destroyed last: after Camel and every Kafka client have stopped.
     */
    private static void register(ConfigurableApplicationContext context, EmbeddedEngines engines) {
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton("embeddedEngines", engines);
        beans.registerDisposableBean("embeddedEngines", engines::close);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

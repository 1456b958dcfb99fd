package org.medhub.connectors.cdc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The hub's database, as the offset store and the schema history of a running feed reach it. Debezium makes both
 * by reflection from a class name, with no way to hand them an object: the feed registers its database here under
 * its source's name and passes the name in the engine's settings, so no database password goes into them.
 */
final class FeedStorage {

    static final String SOURCE = "medhub.source";

    private static final Map<String, DataSource> DATABASES = new ConcurrentHashMap<>();

    private FeedStorage() {}

    static void register(String source, DataSource database) {
        DATABASES.put(source, database);
    }

    static void unregister(String source) {
        DATABASES.remove(source);
    }

    static DataSource of(String source) {
        DataSource database = DATABASES.get(source);
        if (database == null) {
            throw new IllegalStateException("no database registered for the change feed of " + source);
        }
        return database;
    }
}

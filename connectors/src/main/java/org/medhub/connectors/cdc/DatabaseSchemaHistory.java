package org.medhub.connectors.cdc;

import io.debezium.config.Configuration;
import io.debezium.document.DocumentReader;
import io.debezium.document.DocumentWriter;
import io.debezium.relational.history.AbstractSchemaHistory;
import io.debezium.relational.history.HistoryRecord;
import io.debezium.relational.history.HistoryRecordComparator;
import io.debezium.relational.history.SchemaHistoryException;
import io.debezium.relational.history.SchemaHistoryListener;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * The DDL a MySQL or MariaDB feed has seen, kept in the hub's database (table {@code cdc_schema_history}): the
 * binary log carries rows without their columns' names, so after a restart the feed rebuilds the tables' shapes
 * from this history.
 */
public class DatabaseSchemaHistory extends AbstractSchemaHistory {

    public static final String SOURCE = "schema.history.internal." + FeedStorage.SOURCE;

    private String source;

    @Override
    public void configure(Configuration config, HistoryRecordComparator comparator, SchemaHistoryListener listener,
            boolean useCatalogBeforeSchema) {
        super.configure(config, comparator, listener, useCatalogBeforeSchema);
        source = config.getString(SOURCE);
    }

    @Override
    protected void storeRecord(HistoryRecord record) {
        try (Connection connection = FeedStorage.of(source).getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into cdc_schema_history (source, record) values (?, ?)")) {
            insert.setString(1, source);
            insert.setString(2, DocumentWriter.defaultWriter().write(record.document()));
            insert.executeUpdate();
        } catch (SQLException | IOException e) {
            throw new SchemaHistoryException("cannot store the schema history of " + source + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected void recoverRecords(Consumer<HistoryRecord> records) {
        try (Connection connection = FeedStorage.of(source).getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select record from cdc_schema_history where source = ? order by seq")) {
            select.setString(1, source);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.accept(new HistoryRecord(DocumentReader.defaultReader().read(rows.getString(1))));
                }
            }
        } catch (SQLException | IOException e) {
            throw new SchemaHistoryException("cannot read the schema history of " + source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists() {
        try (Connection connection = FeedStorage.of(source).getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select 1 from cdc_schema_history where source = ? limit 1")) {
            select.setString(1, source);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new SchemaHistoryException("cannot read the schema history of " + source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean storageExists() {
        return true; // the table is the hub's own, made by its migrations
    }
}

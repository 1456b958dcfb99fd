package org.medhub.connectors.cdc;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;

/**
 * How far a feed has read, kept in the hub's database (table {@code cdc_offset}) so that a restart resumes where
 * it stopped. Every save writes the whole (small) map in one transaction.
 */
public class DatabaseOffsets extends MemoryOffsetBackingStore {

    public static final String SOURCE = "offset.storage." + FeedStorage.SOURCE;

    private String source;

    @Override
    public void configure(WorkerConfig config) {
        super.configure(config);
        source = (String) config.originals().get(SOURCE);
    }

    @Override
    public synchronized void start() {
        super.start();
        try (Connection connection = FeedStorage.of(source).getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select offset_key, offset_value from cdc_offset where source = ?")) {
            select.setString(1, source);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    data.put(ByteBuffer.wrap(rows.getBytes(1)), ByteBuffer.wrap(rows.getBytes(2)));
                }
            }
        } catch (SQLException e) {
            throw new ConnectException("cannot read the stored offsets of " + source + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected void save() {
        try (Connection connection = FeedStorage.of(source).getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into cdc_offset (source, offset_key, offset_value, saved_at) values (?, ?, ?, now())
                    on conflict (source, offset_key) do update set offset_value = excluded.offset_value, saved_at = now()
                    """)) {
                for (Map.Entry<ByteBuffer, ByteBuffer> entry : data.entrySet()) {
                    if (entry.getValue() == null) {
                        continue;
                    }
                    upsert.setString(1, source);
                    upsert.setBytes(2, bytes(entry.getKey()));
                    upsert.setBytes(3, bytes(entry.getValue()));
                    upsert.addBatch();
                }
                upsert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new ConnectException("cannot store the offsets of " + source + ": " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    @Override
    public Set<Map<String, Object>> connectorPartitions(String connectorName) {
        return Set.of(); // asked for by Kafka Connect's offsets REST API only, which an embedded engine has not
    }
}

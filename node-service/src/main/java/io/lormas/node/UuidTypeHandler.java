package io.lormas.node;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.MappedTypes;
import org.jspecify.annotations.Nullable;

/** PostgreSQL {@code uuid} columns as {@link UUID} in MyBatis (which has no handler for it). */
@MappedTypes(UUID.class)
public class UuidTypeHandler extends BaseTypeHandler<UUID> {

    @Override
    public void setNonNullParameter(PreparedStatement statement, int index, UUID value, @Nullable JdbcType type)
            throws SQLException {
        statement.setObject(index, value);
    }

    @Override
    public @Nullable UUID getNullableResult(ResultSet results, String column) throws SQLException {
        return results.getObject(column, UUID.class);
    }

    @Override
    public @Nullable UUID getNullableResult(ResultSet results, int index) throws SQLException {
        return results.getObject(index, UUID.class);
    }

    @Override
    public @Nullable UUID getNullableResult(CallableStatement statement, int index) throws SQLException {
        return statement.getObject(index, UUID.class);
    }
}

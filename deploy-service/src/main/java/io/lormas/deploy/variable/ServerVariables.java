package io.lormas.deploy.variable;

import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** A server's variables; {@code value} is a ciphertext when {@code secret}. */
@Mapper
interface ServerVariables {

    record Row(UUID serverId, String name, String value, boolean secret, String source) {
    }

    @Insert("""
            insert into server_variable (server_id, name, value, secret, source)
            values (#{serverId}, #{name}, #{value}, #{secret}, #{source})
            on conflict (server_id, name) do update
               set value = excluded.value, secret = excluded.secret, source = excluded.source, updated_at = now()
            """)
    void upsert(Row row);

    /** A new server's variables in one statement. */
    @Insert("""
            <script>
            insert into server_variable (server_id, name, value, secret, source) values
            <foreach collection="rows" item="r" separator=",">(#{r.serverId}, #{r.name}, #{r.value}, #{r.secret}, #{r.source})</foreach>
            </script>
            """)
    void insertAll(@Param("rows") List<Row> rows);

    @Delete("delete from server_variable where server_id = #{serverId} and name = #{name}")
    int delete(@Param("serverId") UUID serverId, @Param("name") String name);

    @Select("""
            select server_id, name, value, secret, source from server_variable
             where server_id = #{serverId} order by source, name
            """)
    List<Row> ofServer(UUID serverId);
}

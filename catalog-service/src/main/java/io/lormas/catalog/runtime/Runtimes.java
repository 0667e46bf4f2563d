package io.lormas.catalog.runtime;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** Runtimes (seeded by the changelog). */
@Mapper
public interface Runtimes {

    @Select("""
            select id, name, description, base_image, detect_files, build_commands, start_command, default_port, priority
              from runtime
             order by priority, id
            """)
    List<Runtime> findAll();

    @Select("""
            select id, name, description, base_image, detect_files, build_commands, start_command, default_port, priority
              from runtime
             where id = #{id}
            """)
    Optional<Runtime> findById(String id);
}

package io.lormas.deploy.plan;

import java.util.Optional;
import java.util.UUID;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The plan projection. */
@Mapper
interface Plans {

    /** Keeps the highest version: a late, older event does not overwrite a newer one. */
    @Insert("""
            insert into plan (plan_id, version, name, cpu_millis, memory_mib, swap_mib, disk_mib, io_weight, ports,
                              max_replicas, hourly_price, currency, active, retired)
            values (#{planId}, #{version}, #{name}, #{cpuMillis}, #{memoryMib}, #{swapMib}, #{diskMib}, #{ioWeight},
                    #{ports}, #{maxReplicas}, #{hourlyPrice}, #{currency}, #{active}, false)
            on conflict (plan_id) do update
               set version = excluded.version, name = excluded.name, cpu_millis = excluded.cpu_millis,
                   memory_mib = excluded.memory_mib, swap_mib = excluded.swap_mib, disk_mib = excluded.disk_mib,
                   io_weight = excluded.io_weight, ports = excluded.ports, max_replicas = excluded.max_replicas,
                   hourly_price = excluded.hourly_price, currency = excluded.currency, active = excluded.active,
                   updated_at = now()
             where plan.version <= excluded.version
            """)
    void upsert(Plan plan);

    @Update("update plan set retired = true, active = false, updated_at = now() where plan_id = #{planId}")
    int retire(UUID planId);

    @Select("""
            select plan_id, version, name, cpu_millis, memory_mib, swap_mib, disk_mib, io_weight, ports, max_replicas,
                   hourly_price, currency, active, retired
              from plan where plan_id = #{planId}
            """)
    Optional<Plan> findById(UUID planId);
}

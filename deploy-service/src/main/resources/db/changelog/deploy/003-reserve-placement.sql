--liquibase formatted sql

--changeset lormas:deploy-003-reserve-placement splitStatements:false runOnChange:true
-- Takes resources and ports for a server on one node, in one statement so that the node row stays locked for as
-- short a time as possible: concurrent placements on one node queue on this lock, and never overcommit it.
-- Returns the ports taken, none when the node is full, offline or not schedulable.
create or replace function reserve_placement(p_server uuid, p_node uuid, p_cpu bigint, p_memory bigint,
                                             p_disk bigint, p_ports int)
returns table (ip text, port int)
language plpgsql as $$
declare
    r          record;
    v_highest  int;
    v_port     int;
    v_taken    int := 0;
begin
    if p_ports < 1 then
        raise exception 'a placement takes at least one port';
    end if;
    -- The reservation need not wait for the disk: the server's own commit comes later in the WAL and waits for
    -- both. Should the database crash before, neither the reservation nor the server survives.
    perform set_config('synchronous_commit', 'off', true);

    update node
       set cpu_used = cpu_used + p_cpu, memory_used = memory_used + p_memory, disk_used = disk_used + p_disk,
           ports_used = ports_used + p_ports
     where node_id = p_node
       and not removed and online and status = 'ACTIVE' and schedulable and not maintenance
       and (cpu_overallocation_percent < 0
            or cpu_used + p_cpu <= cpu_millis * (100 + cpu_overallocation_percent) / 100)
       and (memory_overallocation_percent < 0
            or memory_used + p_memory <= memory_mib * (100 + memory_overallocation_percent) / 100)
       and (disk_overallocation_percent < 0
            or disk_used + p_disk <= disk_mib * (100 + disk_overallocation_percent) / 100)
       and ports_used + p_ports <= port_capacity;
    if not found then
        return;
    end if;

    for r in select x.ip as range_ip, greatest(x."from", 1) as lo, least(x."to", 65535) as hi
               from node n, jsonb_to_recordset(n.port_ranges) as x(ip text, "from" int, "to" int)
              where n.node_id = p_node
              order by x.ip, x."from"
    loop
        exit when v_taken = p_ports;
        -- upwards from the highest port taken in the range: one index lookup however many servers the node has
        select max(a.port) into v_highest from allocation a
         where a.node_id = p_node and a.ip = r.range_ip and a.port between r.lo and r.hi;
        v_port := coalesce(v_highest + 1, r.lo);
        while v_taken < p_ports and v_port <= r.hi loop
            insert into allocation (node_id, ip, port, server_id, position)
            values (p_node, r.range_ip, v_port, p_server, v_taken) on conflict do nothing;
            if found then
                ip := r.range_ip; port := v_port; v_taken := v_taken + 1;
                return next;
            end if;
            v_port := v_port + 1;
        end loop;
        -- then the gaps deleted servers left below it
        if v_taken < p_ports and v_highest is not null then
            for v_port in select g from generate_series(r.lo, v_highest) as g
                           where not exists (select 1 from allocation a
                                              where a.node_id = p_node and a.ip = r.range_ip and a.port = g)
            loop
                exit when v_taken = p_ports;
                insert into allocation (node_id, ip, port, server_id, position)
                values (p_node, r.range_ip, v_port, p_server, v_taken) on conflict do nothing;
                if found then
                    ip := r.range_ip; port := v_port; v_taken := v_taken + 1;
                    return next;
                end if;
            end loop;
        end if;
    end loop;
    if v_taken < p_ports then
        -- the counter said the ports were free: the counter and the ranges disagree; take nothing
        raise exception 'node % has fewer free ports than its counter says', p_node;
    end if;

    insert into placement_reservation (server_id, node_id, cpu_millis, memory_mib, disk_mib, ports)
    values (p_server, p_node, p_cpu, p_memory, p_disk, p_ports);
end
$$;

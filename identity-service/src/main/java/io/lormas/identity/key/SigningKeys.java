package io.lormas.identity.key;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Token signing keys. */
@Mapper
public interface SigningKeys {

    /** Keys still published: not retired, or retired after {@code cutoff}; newest first. */
    @Select("""
            select * from signing_key
             where retired_at is null or retired_at > #{cutoff}
             order by activates_at desc
            """)
    List<SigningKey> published(Instant cutoff);

    @Select("select * from signing_key order by activates_at desc")
    List<SigningKey> all();

    @Select("select count(*) from signing_key where retired_at is null")
    int unretired();

    @Insert("""
            insert into signing_key (kid, algorithm, public_jwk, private_jwk, activates_at)
            values (#{kid}, #{algorithm}, #{publicJwk}, #{privateJwk}, #{activatesAt})
            """)
    void insert(SigningKey key);

    /** Retires every key but {@code kid} at the moment {@code kid} starts to sign. */
    @Update("update signing_key set retired_at = #{at} where kid <> #{kid} and retired_at is null")
    void retireAllBut(@Param("kid") String kid, @Param("at") Instant at);
}

package io.lormas.node.region;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lormas.node.Page;
import io.lormas.platform.id.Ids;
import io.lormas.platform.web.ProblemException;

/** Creates, lists and removes regions. Regions are not published as events: nodes carry their region's code. */
@Service
public class RegionCatalog {

    private final Regions regions;

    RegionCatalog(Regions regions) {
        this.regions = regions;
    }

    /** @throws ProblemException 409 when the code is taken */
    @Transactional
    public Region create(String code, String name) {
        if (regions.findByCode(code).isPresent()) {
            throw ProblemException.conflict("region '" + code + "' exists already");
        }
        UUID id = Ids.newId();
        try {
            regions.insert(id, code, name.strip());
        } catch (DuplicateKeyException e) { // created concurrently
            throw ProblemException.conflict("region '" + code + "' exists already");
        }
        return regions.findById(id).orElseThrow();
    }

    public Page<Region> list(@Nullable UUID after, int limit) {
        List<Region> rows = regions.list(after, limit + 1);
        return Page.of(rows, limit, Region::id, region -> region);
    }

    public Region get(UUID id) {
        return regions.findById(id).orElseThrow(() -> ProblemException.notFound("region", id));
    }

    public java.util.Optional<Region> find(String code) {
        return regions.findByCode(code);
    }

    /** The region a client names by code, or a 422 naming the field. */
    public Region byCode(String code, String field) {
        return regions.findByCode(code).orElseThrow(() -> ProblemException.unprocessable("unknown region",
                List.of(new io.lormas.platform.web.FieldViolation(field, "region '" + code + "' does not exist"))));
    }

    /** @throws ProblemException 404 when absent, 409 while nodes are in it */
    @Transactional
    public void remove(UUID id) {
        get(id);
        if (regions.countNodes(id) > 0) {
            throw ProblemException.conflict("region " + id + " still has nodes; move or remove them first");
        }
        try {
            regions.delete(id);
        } catch (DataIntegrityViolationException e) { // a node was added meanwhile
            throw ProblemException.conflict("region " + id + " still has nodes; move or remove them first");
        }
    }
}

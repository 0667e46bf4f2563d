package io.lormas.catalog.nest;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lormas.platform.id.Ids;
import io.lormas.platform.web.ProblemException;

/** Creates, renames and deletes nests. Names are unique regardless of case. */
@Service
public class NestManagement {

    private final Nests nests;

    NestManagement(Nests nests) {
        this.nests = nests;
    }

    @Transactional
    public Nest create(String name, String description) {
        UUID id = Ids.newId();
        try {
            nests.insert(id, name.strip(), description);
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("a nest named '" + name.strip() + "' already exists");
        }
        return nests.findById(id).orElseThrow();
    }

    /** Changes the given fields; null leaves a field as it is. */
    @Transactional
    public Nest update(UUID id, @Nullable String name, @Nullable String description) {
        Nest nest = require(id);
        String newName = name == null ? nest.name() : name.strip();
        if (nests.nameTaken(newName, id)) {
            throw ProblemException.conflict("a nest named '" + newName + "' already exists");
        }
        try {
            if (nests.update(id, newName, description == null ? nest.description() : description, nest.version()) == 0) {
                throw new OptimisticLockingFailureException("nest " + id + " changed concurrently");
            }
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("a nest named '" + newName + "' already exists");
        }
        return require(id);
    }

    /** Deletes an empty nest; a nest that still holds eggs is a 409 (move or remove them first). */
    @Transactional
    public void delete(UUID id) {
        nests.lock(id).orElseThrow(() -> ProblemException.notFound("nest", id));
        int eggs = nests.eggCount(id);
        if (eggs > 0) {
            throw ProblemException.conflict("nest " + id + " still holds " + eggs + (eggs == 1 ? " egg" : " eggs")
                    + "; move or remove them first");
        }
        nests.releaseRemovedEggs(id);
        nests.delete(id);
    }

    public Nest require(UUID id) {
        return nests.findById(id).orElseThrow(() -> ProblemException.notFound("nest", id));
    }
}

package io.lormas.catalog.runtime.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.lormas.catalog.runtime.Runtime;
import io.lormas.catalog.runtime.Runtimes;
import io.lormas.catalog.web.Page;
import io.lormas.platform.web.ProblemException;

/** Runtimes: public reads (a handful of rows, one page, in detection order). */
@RestController
@RequestMapping("/api/catalog/runtimes")
class RuntimeController {

    private final Runtimes runtimes;

    RuntimeController(Runtimes runtimes) {
        this.runtimes = runtimes;
    }

    @GetMapping
    Page<Runtime> list() {
        return new Page<>(runtimes.findAll(), null);
    }

    @GetMapping("/{id}")
    Runtime get(@PathVariable String id) {
        return runtimes.findById(id).orElseThrow(() -> ProblemException.notFound("runtime", id));
    }
}

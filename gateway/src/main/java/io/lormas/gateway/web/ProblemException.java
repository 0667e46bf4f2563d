package io.lormas.gateway.web;

/** Thrown where a filter cannot answer directly; {@link GatewayErrorHandler} writes the problem. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}

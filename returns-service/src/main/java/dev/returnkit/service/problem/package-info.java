/**
 * Errors as RFC 9457 problem details: returnkit's exceptions mapped to statuses and problem
 * types ({@link dev.returnkit.service.problem.ProblemHandler}), and the types themselves
 * ({@link dev.returnkit.service.problem.Problems}).
 */
package dev.returnkit.service.problem;

/**
 * returnkit's core: the {@link dev.returnkit.core.Returns} facade with the use cases a host
 * calls. The aggregate and its lifecycle are in {@code returncase}, the decision interfaces in
 * {@code decision}, the use case inputs in {@code command}, input validation in
 * {@code validation}, and in-memory adapters for every port in {@code inmemory}.
 */
package dev.returnkit.core;

/**
 * The shared vocabulary of returns: reasons, resolutions, grades and findings, liability,
 * dispositions, case states and commands, and the actors that issue commands. Every module and
 * every port speaks these terms.
 */
package dev.returnkit.spi.vocabulary;

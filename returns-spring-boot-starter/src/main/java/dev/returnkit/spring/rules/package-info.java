/** The policies in a Spring application: reloading them when their files change. */
package dev.returnkit.spring.rules;

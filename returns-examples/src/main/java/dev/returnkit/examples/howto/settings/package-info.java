/** How a policy owner changes a number of the default policy. */
package dev.returnkit.examples.howto.settings;

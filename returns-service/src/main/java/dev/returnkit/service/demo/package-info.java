/**
 * The {@code demo} profile: an in-memory shop with demo orders ({@link
 * dev.returnkit.service.demo.DemoShop}), demo cases, and the welcome that prints the URL and
 * the users ({@link dev.returnkit.service.demo.DemoStartup}).
 */
package dev.returnkit.service.demo;

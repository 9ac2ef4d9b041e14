/**
 * The REST API: one endpoint per use case ({@link dev.returnkit.service.api.ReturnsController},
 * the carrier's webhook, the review queue), the JSON bodies it takes ({@link
 * dev.returnkit.service.api.Forms}) and answers with ({@link dev.returnkit.service.api.Views}).
 */
package dev.returnkit.service.api;

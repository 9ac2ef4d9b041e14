/**
 * The back office: server-rendered pages for staff (the review queue, a case, the search),
 * {@link dev.returnkit.service.backoffice.BackOfficeController}; templates in
 * {@code templates/backoffice}.
 */
package dev.returnkit.service.backoffice;

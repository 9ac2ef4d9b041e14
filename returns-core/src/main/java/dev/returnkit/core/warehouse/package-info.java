/**
 * What the warehouse does with returned goods: the count on arrival, the inspection, and the
 * two policies decided on it, liability (who is to blame, also decided for lost parcels and
 * returnless refunds) and disposition (what happens to the goods), with their facts and
 * decisions.
 */
package dev.returnkit.core.warehouse;

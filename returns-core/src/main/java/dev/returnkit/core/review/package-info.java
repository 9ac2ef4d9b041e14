/** Manual review: a reviewer's approval or rejection of a case the eligibility policy sent to review. */
package dev.returnkit.core.review;

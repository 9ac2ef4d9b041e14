/**
 * returnkit's scheduled jobs in a Spring application, each run on one instance at a time among
 * several sharing a database (a lease per job in {@code rk_job_lease}).
 */
package dev.returnkit.spring.jobs;

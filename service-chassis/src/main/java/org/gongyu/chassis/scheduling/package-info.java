/**
 * Scheduled jobs across several instances of a service (ADR 0031): {@link
 * org.gongyu.chassis.scheduling.ClusterScan} runs a job once across them under a ShedLock in the
 * service's database; {@link org.gongyu.chassis.scheduling.EveryInstance} marks a job that runs on
 * each instance on purpose, with the reason.
 */
package org.gongyu.chassis.scheduling;

/**
 * What every batch-ingestion endpoint of the school tier shares: a batch is idempotent by its key
 * (usually the sender's external id), stored whole or not at all.
 */
package org.gongyu.school.records;

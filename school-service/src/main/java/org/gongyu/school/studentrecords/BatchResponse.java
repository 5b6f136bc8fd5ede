package org.gongyu.school.studentrecords;

import java.util.List;

/**
 * The answer to a batch of student records.
 *
 * @param received        items in the batch
 * @param accepted        items stored by this request
 * @param alreadyRecorded items stored earlier with the same content (or repeated in the batch)
 * @param snapshots       the latest figure of every indicator and period the batch's dates touch
 */
public record BatchResponse(int received, int accepted, int alreadyRecorded, List<SnapshotFigure> snapshots) {}

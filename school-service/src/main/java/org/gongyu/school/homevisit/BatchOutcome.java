package org.gongyu.school.homevisit;

import java.util.List;
import org.gongyu.school.indicators.SnapshotService;

/** What a batch did, and the latest figures of the indicators and periods it touched. */
record BatchOutcome(int received, int accepted, int alreadyRecorded, List<SnapshotService.Snapshot> snapshots) {}

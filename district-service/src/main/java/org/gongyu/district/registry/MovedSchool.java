package org.gongyu.district.registry;

import java.util.List;
import org.gongyu.contracts.district.v1.SchoolRegistered.Membership;

/** The outcome of a move: the school's new current row and its whole membership history. */
record MovedSchool(SchoolRow row, List<Membership> memberships) {}

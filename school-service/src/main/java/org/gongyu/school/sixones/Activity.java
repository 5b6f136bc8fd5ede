package org.gongyu.school.sixones;

/** The six activities (六个一). */
enum Activity { SONG, PLAY, BOOK, FILM, CHARITY, HIKE }

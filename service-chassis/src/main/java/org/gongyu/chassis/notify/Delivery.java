package org.gongyu.chassis.notify;

/** How a user gets the e-mail of a kind: at once, or gathered in one mail a day. */
public enum Delivery { IMMEDIATE, DAILY_DIGEST }

package org.gongyu.chassis.scheduling;

/** A stand-in of the chassis's ClusterScan (same name, no behaviour): test-support cannot depend on the chassis. */
public class ClusterScan {

  public boolean once(String lockName, Runnable job) {
    return false;
  }
}

package org.gongyu.district.registry;

/** A 学区 as the API shows it. */
record XuequResponse(String id, String countyId, String name, long version) {

  static XuequResponse of(XuequRow x) {
    return new XuequResponse(x.id(), x.countyId(), x.name(), x.version());
  }
}

package org.gongyu.city.county;

/** Published in-process, inside the transaction that registered a county new to the city. */
public record CountyAdded(String countyId) {}

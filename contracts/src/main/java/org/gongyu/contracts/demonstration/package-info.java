/** Value types of the demonstration-school programme shared by the events of several tiers. */
package org.gongyu.contracts.demonstration;

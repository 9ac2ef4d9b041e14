package dev.returnkit.examples.demo;

import java.util.List;

/**
 * A generated world: the shop's data and the script of every return requested in it.
 *
 * @param shop customers and orders
 * @param scripts one per return, in order of request time
 */
record DemoWorld(ShopData shop, List<CaseScript> scripts) {

  DemoWorld {
    scripts = List.copyOf(scripts);
  }
}

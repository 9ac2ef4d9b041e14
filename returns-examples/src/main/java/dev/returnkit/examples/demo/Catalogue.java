package dev.returnkit.examples.demo;

import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import java.util.List;

/**
 * The demo shop's products: a small fashion, electronics and home store, with the categories
 * the default policy treats differently (windows, hygiene, warranties, final sale).
 */
final class Catalogue {

  /**
   * A product.
   *
   * @param sku its SKU
   * @param name what it is
   * @param category its category
   * @param price its price
   * @param weight how often it is bought, relative to the others
   */
  record Product(Sku sku, String name, String category, Money price, int weight) {}

  static final List<Product> PRODUCTS = List.of(
      product("TEE-BASIC", "Basic T-shirt", "apparel", "19.90", 40),
      product("JEANS-SLIM", "Slim jeans", "apparel", "59.90", 25),
      product("JACKET-RAIN", "Rain jacket", "apparel", "129.00", 10),
      product("DRESS-SUMMER", "Summer dress", "apparel", "49.90", 15),
      product("SNEAKER-RUN", "Running shoes", "shoes", "89.90", 20),
      product("BOOT-LEATHER", "Leather boots", "shoes", "159.00", 8),
      product("SANDAL-BEACH", "Beach sandals", "shoes", "24.90", 10),
      product("SWIM-SUIT", "Swimsuit", "swimwear", "39.90", 8),
      product("BRIEFS-3PK", "Briefs, 3-pack", "underwear", "24.90", 12),
      product("HEADPHONES-ANC", "Noise-cancelling headphones", "electronics", "249.00", 8),
      product("PHONE-MID", "Smartphone", "electronics", "399.00", 5),
      product("CABLE-USB-C", "USB-C cable", "electronics", "9.99", 25),
      product("CHARGER-65W", "65 W charger", "electronics", "39.90", 12),
      product("EARBUDS", "Wireless earbuds", "earbuds", "79.00", 10),
      product("KETTLE-STEEL", "Steel kettle", "appliances", "49.00", 8),
      product("BLENDER-PRO", "Blender", "appliances", "119.00", 5),
      product("LAMP-DESK", "Desk lamp", "home", "34.90", 10),
      product("VASE-GLASS", "Glass vase", "home", "29.00", 8),
      product("MUG-SET", "Mug set", "kitchen", "24.00", 12),
      product("PAN-CAST", "Cast-iron pan", "kitchen", "69.00", 6),
      product("CHAIR-OFFICE", "Office chair", "furniture", "229.00", 4),
      product("SHELF-OAK", "Oak shelf", "furniture", "89.00", 4),
      product("LEGO-CITY", "Building set", "toys", "59.99", 8),
      product("PUZZLE-1000", "1000-piece puzzle", "toys", "19.99", 8),
      product("SERUM-FACE", "Face serum", "cosmetics", "34.00", 8),
      product("VITAMIN-D", "Vitamin D, 90 tablets", "health", "12.90", 10),
      product("COFFEE-BEANS", "Coffee beans, 1 kg", "perishables", "24.90", 8));

  private Catalogue() {}

  private static Product product(String sku, String name, String category, String price,
      int weight) {
    return new Product(Sku.of(sku), name, category, Money.of(price, "EUR"), weight);
  }
}

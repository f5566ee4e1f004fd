package io.stepcache.liberty.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The production server.xml as an operator's review reads it: no local JMX connector (only the test server has
 * one), loopback unless configured, no user registry, no password, no container login.
 */
class ServerConfigTest {

  private static Document xml(String path) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(Path.of(path).toFile());
  }

  private static NodeList nodes(Document d, String xpath) throws Exception {
    return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET);
  }

  @Test
  void theProductionServerHasNoLocalConnectorNoRegistryNoPasswordAndListensOnLoopback() throws Exception {
    Document server = xml("src/main/liberty/config/server.xml");
    assertThat(nodes(server, "//feature[starts-with(text(), 'localConnector')]").getLength()).isZero();
    assertThat(nodes(server, "//feature[starts-with(text(), 'appSecurity')]").getLength()).isZero();
    assertThat(nodes(server, "//basicRegistry | //ldapRegistry | //user").getLength()).isZero();
    assertThat(nodes(server, "//*[@password]").getLength()).isZero();
    assertThat(nodes(server, "//variable[@name='http.host']/@defaultValue").item(0).getNodeValue())
        .isEqualTo("localhost");
    Document it = xml("src/it/liberty/configDropins/overrides/it-server.xml");
    assertThat(nodes(it, "//feature[text()='localConnector-1.0']").getLength()).isEqualTo(1);
  }

  @Test
  void theWarDeclaresNoContainerLoginAndAnErrorPageForContainerErrors() throws IOException {
    String web = Files.readString(Path.of("src/main/webapp/WEB-INF/web.xml"));
    assertThat(web).doesNotContain("<login-config>").doesNotContain("<security-constraint>")
        .contains("<location>/stepcache-container-error</location>");
  }
}

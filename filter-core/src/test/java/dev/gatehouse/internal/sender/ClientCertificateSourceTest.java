package dev.gatehouse.internal.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the client certificate comes from: the container's TLS handshake, or a proxy's header only
 * when the request comes from that proxy.
 */
class ClientCertificateSourceTest {

  static final String HEADER = "X-Client-Cert";
  static final String PROXY = "10.1.2.3";

  static X509Certificate client;
  static X509Certificate proxyOwn;

  private final ClientCertificateSource behindProxy =
      ClientCertificateSource.behindProxy(HEADER, ProxyAddresses.of(List.of("10.1.2.0/24")));

  @BeforeAll
  static void certificates(@TempDir Path dir) throws Exception {
    client = CertificateBindingTest.certificate(dir.resolve("client.p12"), "CN=client");
    proxyOwn = CertificateBindingTest.certificate(dir.resolve("proxy.p12"), "CN=proxy");
  }

  static HttpServletRequest request(
      String remoteAddress, X509Certificate tlsPeer, Map<String, List<String>> headers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ClientCertificateSourceTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, m, args) ->
                switch (m.getName()) {
                  case "getRemoteAddr" -> remoteAddress;
                  case "getAttribute" ->
                      ClientCertificateSource.ATTRIBUTE.equals(args[0]) && tlsPeer != null
                          ? new X509Certificate[] {tlsPeer}
                          : null;
                  case "getHeaders" ->
                      Collections.enumeration(headers.getOrDefault((String) args[0], List.of()));
                  default -> throw new UnsupportedOperationException(m.getName());
                });
  }

  static String pem(X509Certificate certificate) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }

  private Optional<X509Certificate> fromProxy(String headerValue) {
    return behindProxy.certificate(request(PROXY, proxyOwn, Map.of(HEADER, List.of(headerValue))));
  }

  @Nested
  class Direct {

    @Test
    void whenTheContainerVerifiedAClientCertificateThenItIsTheOne() {
      assertEquals(
          Optional.of(client),
          ClientCertificateSource.direct().certificate(request("192.0.2.9", client, Map.of())));
    }

    @Test
    void whenThereWasNoClientCertificateThenThereIsNone() {
      assertEquals(
          Optional.empty(),
          ClientCertificateSource.direct().certificate(request("192.0.2.9", null, Map.of())));
    }

    @Test
    void whenNoProxyIsConfiguredThenAHeaderIsIgnoredWhoeverSendsIt() throws Exception {
      HttpServletRequest request = request(PROXY, null, Map.of(HEADER, List.of(pem(client))));

      assertEquals(Optional.empty(), ClientCertificateSource.direct().certificate(request));
    }
  }

  @Nested
  class BehindAProxy {

    @Test
    void whenTheProxySendsPemThenItsCertificateIsTheClientsNotTheProxysOwn() throws Exception {
      assertEquals(Optional.of(client), fromProxy(pem(client)));
    }

    @Test
    void whenTheLineBreaksBecameSpacesThenTheCertificateIsRead() throws Exception {
      assertEquals(Optional.of(client), fromProxy(pem(client).replace('\n', ' ')));
    }

    @Test
    void whenThePemIsPercentEncodedAsNginxSendsItThenTheCertificateIsRead() throws Exception {
      String escaped = URLEncoder.encode(pem(client), StandardCharsets.UTF_8).replace("+", "%20");

      assertEquals(Optional.of(client), fromProxy(escaped));
    }

    @Test
    void whenThePemIsFormEncodedThenTheCertificateIsRead() throws Exception {
      assertEquals(
          Optional.of(client), fromProxy(URLEncoder.encode(pem(client), StandardCharsets.UTF_8)));
    }

    @Test
    void whenTheProxySendsBase64DerAsTraefikDoesThenTheCertificateIsRead() throws Exception {
      String der = Base64.getEncoder().encodeToString(client.getEncoded());

      assertEquals(Optional.of(client), fromProxy(URLEncoder.encode(der, StandardCharsets.UTF_8)));
    }

    @Test
    void whenEnvoySendsOneElementThenItsCertIsRead() throws Exception {
      String cert = URLEncoder.encode(pem(client), StandardCharsets.UTF_8).replace("+", "%20");
      String xfcc =
          "By=spiffe://api.example.test;Hash=ab12;Cert=\"" + cert + "\";Subject=\"CN=client,O=x\"";

      assertEquals(Optional.of(client), fromProxy(xfcc));
    }

    @Test
    void whenEnvoySendsTwoHopsThenNoCertificateIsBelieved() throws Exception {
      String cert = URLEncoder.encode(pem(client), StandardCharsets.UTF_8).replace("+", "%20");
      String xfcc = "By=a;Cert=\"" + cert + "\",By=b;Cert=\"" + cert + "\"";

      assertEquals(Optional.empty(), fromProxy(xfcc));
    }

    @Test
    void whenEnvoysElementHasTwoCertsOrNoneThenNoCertificateIsBelieved() throws Exception {
      String cert = URLEncoder.encode(pem(client), StandardCharsets.UTF_8).replace("+", "%20");

      assertEquals(Optional.empty(), fromProxy("By=a;Cert=\"" + cert + "\";Cert=\"" + cert + "\""));
      assertEquals(Optional.empty(), fromProxy("By=a;Hash=ab12"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "not a certificate",
          "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
          "-----BEGIN CERTIFICATE-----\nMIIB",
          "%zz",
          "abc%4",
          "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----",
        })
    void whenTheHeaderIsNoCertificateThenThereIsNone(String value) {
      assertEquals(Optional.empty(), fromProxy(value));
    }

    @Test
    void whenTheHeaderIsLargerThanAnyCertificateThenThereIsNone() throws Exception {
      String padded = pem(client) + " ".repeat(ForwardedCertificate.MAX_HEADER_CHARS);

      assertEquals(Optional.empty(), fromProxy(padded));
    }

    @Test
    void whenTheProxySendsNoHeaderThenItsOwnTlsCertificateIsNotTakenForTheClients() {
      assertEquals(Optional.empty(), behindProxy.certificate(request(PROXY, proxyOwn, Map.of())));
    }

    @Test
    void whenTheHeaderComesTwiceThenNoCertificateIsBelieved() throws Exception {
      HttpServletRequest request =
          request(PROXY, null, Map.of(HEADER, List.of(pem(client), pem(proxyOwn))));

      assertEquals(Optional.empty(), behindProxy.certificate(request));
    }

    @Test
    void whenTheRequestComesFromElsewhereThenTheHeaderIsIgnoredAndTheTlsPeerCounts()
        throws Exception {
      HttpServletRequest forged = request("10.9.9.9", null, Map.of(HEADER, List.of(pem(client))));
      HttpServletRequest direct =
          request("10.9.9.9", proxyOwn, Map.of(HEADER, List.of(pem(client))));

      assertEquals(Optional.empty(), behindProxy.certificate(forged));
      assertEquals(Optional.of(proxyOwn), behindProxy.certificate(direct));
    }

    @Test
    void whenTheHeaderNameOrTheProxiesAreMissingThenTheSourceCannotBeBuilt() {
      ProxyAddresses proxies = ProxyAddresses.of(List.of(PROXY));

      assertThrows(
          IllegalArgumentException.class, () -> ClientCertificateSource.behindProxy(" ", proxies));
      assertThrows(
          IllegalArgumentException.class,
          () -> ClientCertificateSource.behindProxy(HEADER, ProxyAddresses.none()));
    }
  }

  @Nested
  class Addresses {

    private final ProxyAddresses proxies =
        ProxyAddresses.of(List.of("10.1.2.0/24", " 192.0.2.7 ", "fd00::/8", "::1"));

    @ParameterizedTest
    @ValueSource(
        strings = {
          "10.1.2.3",
          "10.1.2.255",
          "192.0.2.7",
          "fd12:3456::1",
          "::1",
          "[::1]",
          "0:0:0:0:0:0:0:1",
          "::ffff:10.1.2.9"
        })
    void whenTheAddressIsInAConfiguredBlockThenItIsAProxy(String address) {
      assertTrue(proxies.contains(address));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "10.1.3.1",
          "192.0.2.8",
          "fe80::1",
          "::2",
          "localhost",
          "",
          "10.1.2.3.4",
          "[::1"
        })
    void whenTheAddressIsNotInAnyBlockThenItIsNoProxy(String address) {
      assertFalse(proxies.contains(address));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"proxy.internal", "10.0.0.0/33", "10.0.0.0/x", "10.0.0.0/-1", "fd00::/129", ""})
    void whenAnEntryIsNoAddressOrBlockThenItIsRefused(String entry) {
      assertThrows(IllegalArgumentException.class, () -> ProxyAddresses.of(List.of(entry)));
    }

    @Test
    void whenTheBlockIsZeroBitsThenEveryAddressOfThatFamilyMatches() {
      ProxyAddresses all = ProxyAddresses.of(List.of("0.0.0.0/0"));

      assertTrue(all.contains("203.0.113.5"));
      assertFalse(all.contains("2001:db8::1"));
      assertTrue(ProxyAddresses.none().isEmpty());
    }
  }
}

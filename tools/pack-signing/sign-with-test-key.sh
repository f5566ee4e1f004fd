#!/usr/bin/env bash
# Signs a pack jar with the build's throwaway TEST key, the way an enterprise signs its packs with its own
# key (jarsigner), so that the walkthrough and the integration tests deploy through the real signed-pack path.
#
#   sign-with-test-key.sh <jar> <signing-dir> <java-home> <store-password>
#
# The key is made on first use in <signing-dir> (test-signer.p12, never committed; its store password, the
# root pom's pack.signing.storepass, is no secret: the key is trusted only by servers told to trust
# test-signer.pem, the development and test ones) and its certificate written next to it as test-signer.pem.
set -euo pipefail
jar=$1
dir=$2
bin=$3/bin
store=$dir/test-signer.p12
pass=$4
mkdir -p "$dir"
if [ ! -f "$store" ]; then
  "$bin/keytool" -genkeypair -alias test-signer -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA \
    -dname "CN=StepCache test signer - a build key - not for production" -validity 3650 \
    -storetype PKCS12 -keystore "$store" -storepass "$pass" -keypass "$pass" >/dev/null
  "$bin/keytool" -exportcert -rfc -alias test-signer -keystore "$store" -storepass "$pass" \
    -file "$dir/test-signer.pem" >/dev/null 2>&1
fi
"$bin/jarsigner" -keystore "$store" -storepass "$pass" -digestalg SHA-256 -sigfile PACK "$jar" test-signer >/dev/null
echo "[pack-signing] signed $(basename "$jar") with the test key ($dir/test-signer.pem)"

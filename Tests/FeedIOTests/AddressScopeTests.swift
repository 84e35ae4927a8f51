import Foundation
import FeedIO
import Testing

@Suite struct AddressScopeTests {
    @Test(arguments: [
        ("127.0.0.1", AddressScope.loopback), ("127.1.2.3", .loopback), ("::1", .loopback), ("[::1]", .loopback),
        ("10.0.0.8", .privateNetwork), ("172.16.0.1", .privateNetwork), ("172.31.255.255", .privateNetwork),
        ("192.168.1.1", .privateNetwork), ("100.64.0.1", .privateNetwork), ("fd12:3456::1", .privateNetwork),
        ("169.254.169.254", .linkLocal), ("fe80::1%eth0", .linkLocal),
        ("0.0.0.0", .unspecified), ("::", .unspecified),
        ("::ffff:127.0.0.1", .loopback), ("::ffff:10.1.2.3", .privateNetwork),
        ("93.184.216.34", .publicInternet), ("172.32.0.1", .publicInternet), ("2606:4700::1111", .publicInternet),
    ])
    func classifies(address: String, expected: AddressScope) {
        #expect(AddressScope.of(address) == expected)
    }

    @Test(arguments: ["example.org", "256.1.1.1", "1.2.3", "1:2:3:4:5:6:7:8:9", "1::2::3", "", "01234::"])
    func notAnAddress(text: String) {
        #expect(AddressScope.of(text) == nil)
    }
}

import Foundation
import ReachyMotion
import Testing

@testable import Bop

/// Dance names children may use come from the language files (`dances`), for every language the same way.
@Suite struct DanceNameTests {
    static let official = Set(((try? DanceCatalog.all()) ?? []).map(\.name))

    @Test(arguments: BopLanguages.codes)
    func everyShortNameIsAnOfficialDance(code: String) throws {
        let language = try #require(BopLanguages.all[code])
        #expect(Self.official.count == 20)
        for (name, dance) in language.dances {
            #expect(Self.official.contains(dance), "\(code): \(name) → \(dance)")
            #expect(Self.official.contains(name.replacingOccurrences(of: " ", with: "_")) == false, "\(code): \(name)")
            #expect(Dances.resolve(name, language: language) == dance, "\(code): \(name)")
        }
    }

    @Test func bothLanguagesHaveShortNames() {
        #expect(BopLanguages.english.dances["groovy sway"] == "groovy_sway_and_roll")
        #expect(BopLanguages.all["zh"]?.dances["点头舞"] == "simple_nod")
    }

    @Test func shortNamesMatchHowChildrenWriteThem() throws {
        let english = BopLanguages.english
        let chinese = try #require(BopLanguages.all["zh"])
        #expect(Dances.resolve("Groovy-Sway", language: english) == "groovy_sway_and_roll")
        #expect(Dances.resolve("uh_huh", language: english) == "uh_huh_tilt")
        #expect(Dances.resolve("SHARP  tilt", language: english) == "sharp_side_tilt")
        // English short names work in a Chinese program too, and official names with spaces everywhere.
        #expect(Dances.resolve("headbang", language: chinese) == "headbanger_combo")
        #expect(Dances.resolve("chicken peck", language: chinese) == "chicken_peck")
        #expect(Dances.resolve("小鸡啄米", language: chinese) == "chicken_peck")
        // An unambiguous start of an official name; an ambiguous one or an unknown word is not a dance.
        #expect(Dances.resolve("jackson square", language: english) == "jackson_square")
        #expect(Dances.resolve("side", language: english) == nil)
        #expect(Dances.resolve("moonwalk", language: english) == nil)
    }

    @Test func suggestionsOfferTheEnglishShortNames() {
        #expect(Dances.kidAliases == BopLanguages.english.dances.keys.sorted())
        #expect(Dances.kidAliases.contains("groovy sway"))
        let result = BopCompiler.compile("dance groovy swey\n")
        #expect(result.diagnostics.first?.kind == .unknownDance)
        #expect(result.diagnostics.first?.suggestion == "Did you mean `groovy sway`?")
    }
}

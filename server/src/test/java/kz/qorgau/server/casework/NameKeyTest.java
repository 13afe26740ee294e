package kz.qorgau.server.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameKeyTest {

    @Test
    void cyrillicKazakhAndLatinSpellingsOfOneNameGiveOneKey() {
        assertThat(NameKey.of("Айдана")).isEqualTo(NameKey.of("Aidana")).isEqualTo(NameKey.of("Aydana"));
        assertThat(NameKey.of("Сейітқызы")).isEqualTo(NameKey.of("Seitkyzy")).isEqualTo(NameKey.of("Seitqyzy"));
        assertThat(NameKey.of("Нұрсұлтан")).isEqualTo(NameKey.of("Nursultan"));
        assertThat(NameKey.of("Ахмет")).isEqualTo(NameKey.of("Akhmet")).isEqualTo(NameKey.of("Ahmet"));
        assertThat(NameKey.of("Малика")).isEqualTo(NameKey.of("MALIKA"));
    }

    @Test
    void differentNamesStayDifferent() {
        assertThat(NameKey.of("Айдана")).isNotEqualTo(NameKey.of("Айгерім"));
        assertThat(NameKey.of("Ерлан")).isNotEqualTo(NameKey.of("Ернар"));
    }

    @Test
    void wordsAreKeptApartAndMarksDropped() {
        assertThat(NameKey.of("  Айдана   Сейітқызы ")).isEqualTo(NameKey.of("Aidana Seitkyzy"));
        assertThat(NameKey.of("Д'Артаньян")).isEqualTo(NameKey.of("Д’Артаньян")).isEqualTo(NameKey.of("Дартаньян"));
        assertThat(NameKey.of("123 !!")).isEmpty();
    }

    @Test
    void spellingVariantsShareASkeletonAcrossScripts() {
        assertThat(NameKey.skeleton("Дана")).isEqualTo(NameKey.skeleton("Dina")).isEqualTo("dn");
        assertThat(NameKey.skeleton("Seitkyzy"))
                .isEqualTo(NameKey.skeleton("Seytkizi"))
                .isEqualTo(NameKey.skeleton("Сейітқызы"))
                .isEqualTo("stkz");
        assertThat(NameKey.skeleton("Жанна")).isEqualTo(NameKey.skeleton("Zhanna"));
        assertThat(NameKey.skeleton("Шынар")).isEqualTo(NameKey.skeleton("Shinar"));
        assertThat(NameKey.skeleton("Серикова")).isEqualTo(NameKey.skeleton("Serikova"));
        assertThat(NameKey.skeleton("  Дана   Серикова ")).isEqualTo(NameKey.skeleton("Dina Serikova"));
    }

    @Test
    void differentNamesKeepDifferentSkeletons() {
        assertThat(NameKey.skeleton("Dana")).isNotEqualTo(NameKey.skeleton("Daniyar"));
        assertThat(NameKey.skeleton("Айдана")).isNotEqualTo(NameKey.skeleton("Айгерім"));
        assertThat(NameKey.skeleton("Ерлан")).isNotEqualTo(NameKey.skeleton("Ернар"));
        assertThat(NameKey.skeleton("Малика")).isNotEqualTo(NameKey.skeleton("Мадина"));
        assertThat(NameKey.skeleton("Серикова")).isNotEqualTo(NameKey.skeleton("Сергеева"));
    }

    @Test
    void wordsTooShortForASkeletonAreLeftOut() {
        assertThat(NameKey.skeleton("Ая")).isEmpty();
        assertThat(NameKey.skeleton("Ая Серикова")).isEqualTo("srkv");
        assertThat(NameKey.skeleton("123 !!")).isEmpty();
    }
}

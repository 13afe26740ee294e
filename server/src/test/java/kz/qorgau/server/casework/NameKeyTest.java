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
}

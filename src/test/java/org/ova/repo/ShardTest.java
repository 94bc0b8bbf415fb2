package org.ova.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void everyVideoBelongsToExactlyOneShardAndTheSharesComeOutAboutEven() {
        Random random = new Random(7);
        int[] counts = new int[5];
        for (int i = 0; i < 10_000; i++) {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            int owners = 0;
            for (int index = 1; index <= 5; index++) {
                if (new Shard(index, 5).contains(id)) {
                    owners++;
                    counts[index - 1]++;
                }
            }
            assertEquals(1, owners, id);
            assertEquals(Shard.of(id, 5).index(), Shard.of(id, 5).index(), "stable");
        }
        for (int count : counts) {
            assertTrue(count > 1_800 && count < 2_200, Arrays.toString(counts));
        }
    }

    @Test
    void theSplitIsCrc32OfTheIdSoItIsTheSameOnEveryMachineAndRelease() {
        // CRC-32 of "3ef7f75825407a97" is 0x0763B877 = 123975799; 123975799 % 3 = 1, so shard 2 of 3
        assertEquals(new Shard(2, 3), Shard.of("3ef7f75825407a97", 3));
        assertEquals(new Shard(1, 1), Shard.of("anything", 1));
    }

    @Test
    void parsesIOfNAndSaysWhatIsWrongWithAnythingElse() {
        assertEquals(new Shard(2, 3), Shard.parse("2/3"));
        assertEquals(new Shard(1, 1), Shard.parse(" 1/1 "));
        assertEquals("2/3", Shard.parse("2/3").toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/3"))
                .getMessage()
                .contains("1 <= I <= N"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/3"))
                .getMessage()
                .contains("shard 4/3 does not exist"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("2"))
                .getMessage()
                .contains("'2' is not a shard: write I/N"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("a/b"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("1/0"));
    }

    @Test
    void aShardIsReadBackFromTheNamesOfItsFiles() {
        Shard shard = new Shard(2, 3);
        assertEquals("shard-2-of-3", shard.fileName());
        assertEquals(Optional.of(shard), Shard.fromFileName("processing.shard-2-of-3.json"));
        assertEquals(Optional.of(shard), Shard.fromFileName("lock-shard-2-of-3"));
        assertEquals(Optional.empty(), Shard.fromFileName("processing.json"));
        assertEquals(Optional.empty(), Shard.fromFileName("lock-shard-4-of-3"));
        assertEquals(
                List.of(new Shard(1, 2), new Shard(2, 2), new Shard(1, 3)),
                Stream.of(new Shard(1, 3), new Shard(2, 2), new Shard(1, 2))
                        .sorted()
                        .toList(),
                "by count, then index");
    }
}

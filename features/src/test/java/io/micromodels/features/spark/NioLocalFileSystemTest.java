package io.micromodels.features.spark;

import static java.nio.file.attribute.PosixFilePermissions.fromString;
import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.features.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NioLocalFileSystemTest {
  @TempDir Path dir;

  private FileSystem fileSystem() throws IOException {
    Configuration conf = new Configuration();
    conf.set("fs.permissions.umask-mode", "022");
    FileSystem fs = new NioLocalFileSystem();
    fs.initialize(dir.toUri(), conf);
    return fs;
  }

  @Test
  void filesAndTheirChecksumsGetHadoopsDefaultPermissionsUnderTheUmask() throws IOException {
    try (FileSystem fs = fileSystem()) {
      try (FSDataOutputStream out =
          fs.create(new org.apache.hadoop.fs.Path(dir.resolve("a/f").toUri()))) {
        out.writeBytes("x");
      }

      assertThat(Files.readString(dir.resolve("a/f"))).isEqualTo("x");
      assertThat(Files.getPosixFilePermissions(dir.resolve("a/f")))
          .isEqualTo(fromString("rw-r--r--"));
      assertThat(Files.getPosixFilePermissions(dir.resolve("a/.f.crc")))
          .isEqualTo(fromString("rw-r--r--"));
      assertThat(Files.getPosixFilePermissions(dir.resolve("a")))
          .isEqualTo(fromString("rwxr-xr-x"));
    }
  }

  @Test
  void explicitPermissionsAreSetBitForBit() throws IOException {
    try (FileSystem fs = fileSystem()) {
      org.apache.hadoop.fs.Path d = new org.apache.hadoop.fs.Path(dir.resolve("d").toUri());
      fs.mkdirs(d);
      fs.setPermission(d, new FsPermission((short) 0754));
      assertThat(Files.getPosixFilePermissions(dir.resolve("d")))
          .isEqualTo(fromString("rwxr-xr--"));
      fs.setPermission(d, new FsPermission((short) 01701)); // the sticky bit has no nio form
      assertThat(Files.getPosixFilePermissions(dir.resolve("d")))
          .isEqualTo(fromString("rwx-----x"));
    }
  }

  @Test
  void sparkSessionsUseItForLocalPaths() {
    assertThat(SharedSpark.session().sparkContext().hadoopConfiguration().get("fs.file.impl"))
        .isEqualTo(NioLocalFileSystem.class.getName());
  }
}

-- MySQL dump, the way mysqldump writes a table
DROP TABLE IF EXISTS `queue`; -- expect: skipped
CREATE TABLE `queue` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `payload` longtext NOT NULL,
  `state` enum('new','taken') NOT NULL DEFAULT 'new',
  PRIMARY KEY (`id`),
  KEY `queue_state` (`state`)
) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci; -- expect: skipped
LOCK TABLES `queue` WRITE; -- expect: skipped
INSERT INTO `queue` VALUES (1,'{}','new'); -- expect: unmanaged
UNLOCK TABLES; -- expect: skipped

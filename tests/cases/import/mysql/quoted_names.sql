CREATE TABLE `JobQueue` (
  `Id` int NOT NULL,
  `userId` int NOT NULL,
  `order` int NOT NULL DEFAULT 0,
  `first name` varchar(50) DEFAULT NULL,
  PRIMARY KEY (`Id`),
  KEY `JobQueue_userId` (`userId`, `order`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
